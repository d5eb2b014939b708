// Starlight's element for the phone's "On this page" (its MobileTableOfContents script, as in
// Starlight 0.42): the current section's name in the bar, and the list closes on a link, a click
// outside or Escape. Loaded once the page is idle by the MobileTableOfContents override.
import { StarlightTOC } from './starlight-toc.ts';

class MobileStarlightTOC extends StarlightTOC {
  override set current(link: HTMLAnchorElement) {
    super.current = link;
    const display = this.querySelector('.display-current') as HTMLSpanElement;
    if (display) display.textContent = link.textContent;
  }

  constructor() {
    super();
    const details = this.querySelector('details');
    if (!details) return;
    const closeToC = () => {
      details.open = false;
    };
    // Close the table of contents whenever a link is clicked.
    details.querySelectorAll('a').forEach((a) => {
      a.addEventListener('click', closeToC);
    });
    // Close the table of contents when a user clicks outside of it.
    window.addEventListener('click', (e) => {
      if (!details.contains(e.target as Node)) closeToC();
    });
    // Or when they press the escape key.
    window.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && details.open) {
        const hasFocus = details.contains(document.activeElement);
        closeToC();
        if (hasFocus) {
          const summary = details.querySelector('summary');
          if (summary) summary.focus();
        }
      }
    });
  }
}

customElements.define('mobile-starlight-toc', MobileStarlightTOC);
