// Look at the page as a user would: serve a built site, open it in headless Chromium, wait for
// the run to finish, save a PNG. For development; the committed screenshots come from the e2e
// tests. Usage:
//   node scripts/screenshot.mjs [--dist dist] [--query '?mu=0.25'] [--size 1920x1080]
//        [--scheme light|dark] [--full] [--out /tmp/shot.png]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const flag = (name) => args.includes(`--${name}`);
const [width, height] = opt('size', '1920x1080').split('x').map(Number);
const port = 8100 + Math.floor(Math.random() * 800);
const server = spawn(process.execPath, ['scripts/serve-dist.mjs', '--dir', opt('dist', 'dist'), '--port', String(port)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => server.stdout.once('data', resolve));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme: opt('scheme', 'light') });
  page.on('console', (m) => console.log(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
  await page.goto(`http://127.0.0.1:${port}/${opt('query', '')}`);
  await page.locator(opt('wait', '[data-testid=status][data-state=done]')).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  console.log(await page.locator('[data-testid=status]').textContent());
  await page.screenshot({ path: opt('out', '/tmp/shot.png'), fullPage: flag('full') });
} finally {
  await browser.close();
  server.kill();
}
