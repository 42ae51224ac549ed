import type { Editor } from '@tiptap/core';
import { type FormEvent, useState } from 'react';

const ALLOWED = /^(https?:\/\/|mailto:)/i;

/** "Link…": a small form under the toolbar to add, change or remove the link on the selected text. */
export function LinkTool({ editor }: { editor: Editor }) {
  const [open, setOpen] = useState(false);
  const [href, setHref] = useState('');
  const [error, setError] = useState<string | null>(null);
  const active = editor.isActive('link');

  function start() {
    setHref((editor.getAttributes('link').href as string | undefined) ?? 'https://');
    setError(null);
    setOpen(true);
  }
  function apply(e: FormEvent) {
    e.preventDefault();
    const url = href.trim();
    if (!ALLOWED.test(url)) return setError('A link must start with https://, http:// or mailto:.');
    editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
    setOpen(false);
  }
  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    setOpen(false);
  }

  return (
    <>
      <button type="button" aria-label="Link" title="Link" aria-pressed={active} aria-expanded={open} onClick={() => (open ? setOpen(false) : start())}>
        Link…
      </button>
      {open && (
        <form className="link-form" aria-label="Link" onSubmit={apply}>
          <label htmlFor="link-href">Web address</label>
          <input id="link-href" type="url" value={href} autoFocus onChange={(e) => setHref(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)} aria-invalid={Boolean(error)} aria-describedby={error ? 'link-error' : undefined} />
          <button type="submit">Apply</button>
          {active && (
            <button type="button" onClick={remove}>
              Remove link
            </button>
          )}
          {error && (
            <p id="link-error" role="alert" className="error">
              {error}
            </p>
          )}
        </form>
      )}
    </>
  );
}
