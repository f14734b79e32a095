// The timelines' strips as Chromium draws them, measured in the page: shared by the screen's and the print's tests.

export interface Box { left: number; right: number; top: number; bottom: number }

export interface StripMarks {
  figure: string;
  strip: Box;
  marks: {
    id: string;
    /** The symbol its marker draws at the line's start: the marker's size over its viewBox, around the path's box. */
    symbol: Box;
    /** The line's own ink where it shows: a bar with its rounded ends, or a day's stem. */
    ink?: Box;
    /** Where the line starts, and where its time puts it on the strip. */
    start: number;
    x: number;
    /** Drawn lower than its own coordinates: in a lane below the axis. */
    lowered: boolean;
  }[];
}

/** Run in the page (`page.evaluate(stripMarks)`): every timeline strip and its marks. */
export function stripMarks(): StripMarks[] {
  const box = (left: number, top: number, width: number, height: number) => ({ left, right: left + width, top, bottom: top + height });
  return [...document.querySelectorAll<SVGSVGElement>('svg[data-timeline-strip]')].map((svg) => {
    const frame = svg.getBoundingClientRect();
    const marks = [...svg.querySelectorAll<SVGLineElement>('.timeline-strip-mark')].map((line) => {
      const marker = svg.querySelector<SVGMarkerElement>(line.getAttribute('marker-start')!.slice(4, -1))!;
      const scale = marker.markerWidth.baseVal.value / marker.viewBox.baseVal.width;
      const shape = marker.querySelector('path')!.getBBox();
      const r = line.getBoundingClientRect();
      const style = getComputedStyle(line);
      const stroke = parseFloat(style.strokeWidth);
      const cap = style.strokeLinecap === 'butt' ? 0 : stroke / 2;
      const shown = parseFloat(style.strokeOpacity) > 0 && style.stroke !== 'none';
      const ink = !shown ? undefined : r.height === 0
        ? box(r.left - cap, r.top - stroke / 2, r.width + 2 * cap, stroke)
        : box(r.left - stroke / 2, r.top, stroke, r.height);
      return {
        id: line.dataset.event!,
        symbol: box(r.left + shape.x * scale, r.top + shape.y * scale, shape.width * scale, shape.height * scale),
        ...(ink ? { ink } : {}),
        start: r.left,
        x: frame.left + line.x1.baseVal.value,
        lowered: r.top > frame.top + line.y1.baseVal.value + 0.5,
      };
    });
    return { figure: svg.closest('figure')!.id, strip: { left: frame.left, right: frame.right, top: frame.top, bottom: frame.bottom }, marks };
  });
}
