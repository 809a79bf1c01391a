import type { RuleToggles } from '../../lib/rulepacks/compile';
import type { CustomRules } from '../../lib/rulepacks/schema';
import {
  loadRuleSettings,
  saveCustomRules,
  saveRuleToggles,
  subscribeRuleSettings,
  type RuleSettings,
} from '../../lib/rulepacks/settings';
import { listReaderSites, removeReaderSite } from '../../lib/permissions/reader-sites';
import { downloadFile } from '../library/download';

/** What the options page needs from the extension; tests pass fakes. */
export interface OptionsDeps {
  load(): Promise<RuleSettings>;
  saveRules(rules: CustomRules): Promise<void>;
  saveToggles(toggles: RuleToggles): Promise<void>;
  subscribe(onChange: (settings: RuleSettings) => void): () => void;
  listSites(): Promise<string[]>;
  removeSite(pattern: string): Promise<void>;
  download(filename: string, content: string): void;
}

export const browserOptionsDeps: OptionsDeps = {
  load: loadRuleSettings,
  saveRules: saveCustomRules,
  saveToggles: saveRuleToggles,
  subscribe: subscribeRuleSettings,
  listSites: listReaderSites,
  removeSite: removeReaderSite,
  download: (filename, content) => downloadFile({ filename, content, mime: 'application/json' }),
};
