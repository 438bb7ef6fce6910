// <kb-search>: the header's search button. It ships almost no code: the dialog, FlexSearch and the index load
// only when the user shows intent (hover, focus, Ctrl+K / ⌘K / "/").
const loadPalette = () => import('./palette.ts');

/** True when a key press belongs to a field the user is typing in. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

class KbSearch extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    if (!button) return;
    // The no-JavaScript link to the ask page gives way to the dialog button.
    button.hidden = false;
    const link = this.querySelector('a');
    if (link) link.hidden = true;
    const key = this.querySelector('kbd');
    if (key && /Mac|iPhone|iPad/.test(navigator.platform)) key.textContent = '⌘K';
    const warm = () => void loadPalette().then((m) => m.warm(this));
    const open = () => loadPalette().then((m) => m.openPalette(this));
    button.addEventListener('pointerenter', warm, { once: true });
    button.addEventListener('focus', warm, { once: true });
    button.addEventListener('click', open);
    document.addEventListener('keydown', (event) => {
      const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey;
      if (!shortcut && !(event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target))) return;
      event.preventDefault();
      // The shortcut toggles: pressed inside the open dialog, it closes it.
      const dialog = (event.target as Element | null)?.closest?.('dialog.kb-palette') as HTMLDialogElement | null;
      if (dialog) dialog.close();
      else void open();
    });
  }
}

if (!customElements.get('kb-search')) customElements.define('kb-search', KbSearch);
