import { type RefObject, useEffect, useState } from 'react';

/** True once the element has come near the viewport: charts off screen cost nothing. */
export function useVisible(ref: RefObject<Element | null>, margin = '400px'): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || visible) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setVisible(true);
        io.disconnect();
      }
    }, { rootMargin: margin });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, margin, visible]);
  return visible;
}
