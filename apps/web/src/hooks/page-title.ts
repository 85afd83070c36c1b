import { useEffect } from 'react';

const SITE = 'Samordningsplattformen';

/**
 * Every page's title (the browser tab, history, a screen reader's announcement) is its heading: the first h1 on
 * the page, followed by the site's name. Kept in step as pages load their data and headings change.
 */
export function usePageTitleFromHeading(): void {
  useEffect(() => {
    const update = () => {
      const h1 = document.querySelector('h1');
      const text = h1?.textContent?.replace(/\s+/g, ' ').trim();
      const title = text ? `${text} – ${SITE}` : SITE;
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
}
