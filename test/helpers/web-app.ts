import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, TestApi } from './api';
import { launchBrowser, newContext, signIn } from './browser';
import { startWorker } from './worker';

const BUILT_WEB = join(__dirname, '..', '..', 'dist', 'web', 'index.html');

export interface Viewport {
  width: number;
  height: number;
}

/**
 * What a browser test file runs against: the real API (serving the built web app), the real worker when asked
 * for, and Debian's Chromium. Every window it opens is closed with it.
 */
export class WebApp {
  readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly api: TestApi,
    readonly browser: Browser,
    readonly worker: INestApplicationContext | undefined,
  ) {}

  static async start(options: { worker?: boolean } = {}): Promise<WebApp> {
    if (!existsSync(BUILT_WEB))
      throw new Error('dist/web saknas: bygg webbappen med scripts/build-web.sh (npm test gör det).');
    const api = await TestApi.start();
    let worker: INestApplicationContext | undefined;
    try {
      if (options.worker) worker = await startWorker();
      return new WebApp(api, await launchBrowser(), worker);
    } catch (e) {
      await worker?.close();
      await api.close();
      throw e;
    }
  }

  /** A browser window of its own (own sessionStorage), signed out; at `viewport` when given. */
  async page(viewport?: Viewport): Promise<Page> {
    const ctx = await newContext(this.browser, this.api.url);
    this.contexts.push(ctx);
    const page = await ctx.newPage();
    if (viewport) await page.setViewportSize(viewport);
    return page;
  }

  /** A browser window of its own with `email` signed in (the demo password). */
  async as(email: string, viewport?: Viewport): Promise<Page> {
    const page = await this.page(viewport);
    await signIn(page, email, DEMO_PASSWORD);
    return page;
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
    await this.browser.close();
    await this.worker?.close();
    await this.api.close();
  }
}
