import { launchBrowser, newTab, OTHER_HOST, seedPageHtml, startServer } from '../tests/e2e/harness';
const server = await startServer({ routes: { '/seed.html': { body: seedPageHtml() } } });
const tifa = await launchBrowser();
for (let i = 0; i < 5; i++) {
  const { page } = await newTab(tifa, undefined);
  await page.goto(server.url('/seed.html', OTHER_HOST), { waitUntil: 'domcontentloaded' });
  const r = await page.evaluate(() => {
    const t0 = performance.now();
    document.body.checkVisibility();
    const t1 = performance.now();
    let n = 0;
    for (const el of document.body.querySelectorAll('*')) if (el.checkVisibility()) n++;
    const t2 = performance.now();
    let chars = 0;
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (w.nextNode()) chars += (w.currentNode as Text).data.length;
    const t3 = performance.now();
    return { first: t1 - t0, all: t2 - t1, walk: t3 - t2, n, chars, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1, now: t0 };
  });
  console.log(JSON.stringify(r));
  await page.close();
}
await tifa.close(); await server.close();
