/** `use:swatch={colour}`: a colour chip's background, set through the CSSOM because the CSP allows no style attribute. */
export function swatch(el: HTMLElement, color: string): { update: (color: string) => void } {
  el.style.backgroundColor = color;
  return {
    update: (next) => {
      el.style.backgroundColor = next;
    },
  };
}
