/** Every message is sent with parse_mode HTML; user text must never be read as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A fragment that is already HTML (rendered by us), passed to texts without escaping again. */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export function html(fragment: string): Html {
  return new Html(fragment);
}
