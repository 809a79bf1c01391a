import { POLICY_HOST_MATCHES } from '../lib/sites';

export default defineContentScript({
  matches: POLICY_HOST_MATCHES,
  runAt: 'document_idle',
  main() {},
});
