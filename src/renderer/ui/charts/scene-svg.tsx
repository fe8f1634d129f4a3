import type { Paint, PatternDef, Scene, Shape } from '../../../core/charts/scene';
import { HALO_WIDTH } from '../../../core/charts/svg';

/**
 * A chart scene (src/core/charts/scene.ts) as inline React SVG: the same shapes as the exported
 * image, themed on screen by charts.css through the shapes' classes. Labelled by its own <title>
 * and <desc>; the SVG scales to its container's width.
 */
export interface SceneSvgProps {
  readonly scene: Scene;
  /** Unique per page (from useId): prefixes the title, desc and pattern ids. */
  readonly idPrefix: string;
}

/** An id usable inside `url(#…)` and aria-labelledby (useId's own ids contain colons). */
export function svgId(raw: string): string {
  return raw.replace(/[^a-zA-Z0-9_-]/g, '');
}

function paintProps(paint: Paint) {
  return {
    fill: paint.fill ?? 'none',
    stroke: paint.stroke,
    strokeWidth: paint.strokeWidth,
    strokeDasharray: paint.dash,
    opacity: paint.opacity,
  };
}

const pointList = (points: readonly (readonly [number, number])[]) => points.map(([x, y]) => `${x},${y}`).join(' ');

function ShapeElement({ shape, prefix }: { readonly shape: Shape; readonly prefix: string }) {
  switch (shape.type) {
    case 'line':
      return <line className={shape.cls} x1={shape.x1} y1={shape.y1} x2={shape.x2} y2={shape.y2} {...paintProps(shape.paint)} />;
    case 'polyline':
      return <polyline className={shape.cls} points={pointList(shape.points)} strokeLinejoin="round" {...paintProps(shape.paint)} />;
    case 'polygon':
      return <polygon className={shape.cls} points={pointList(shape.points)} {...paintProps(shape.paint)} />;
    case 'circle':
      return <circle className={shape.cls} cx={shape.cx} cy={shape.cy} r={shape.r} {...paintProps(shape.paint)} />;
    case 'rect': {
      const paint = shape.pattern ? { ...shape.paint, fill: `url(#${prefix}${shape.pattern})` } : shape.paint;
      return <rect className={shape.cls} x={shape.x} y={shape.y} width={shape.width} height={shape.height} rx={shape.rx} {...paintProps(paint)} />;
    }
    case 'text':
      return (
        <text
          className={shape.halo ? `${shape.cls} chart-halo` : shape.cls}
          x={shape.x}
          y={shape.y}
          textAnchor={shape.anchor}
          fontSize={shape.size}
          fontWeight={shape.weight === 'bold' ? 'bold' : undefined}
          fill={shape.paint.fill}
          {...(shape.halo ? { stroke: shape.halo, strokeWidth: HALO_WIDTH, strokeLinejoin: 'round' as const, paintOrder: 'stroke' } : {})}
        >
          {shape.text}
        </text>
      );
  }
}

function Pattern({ pattern, prefix }: { readonly pattern: PatternDef; readonly prefix: string }) {
  return (
    <pattern id={`${prefix}${pattern.id}`} width={pattern.size} height={pattern.size} patternUnits="userSpaceOnUse" patternTransform={pattern.rotate ? `rotate(${pattern.rotate})` : undefined}>
      <rect width={pattern.size} height={pattern.size} fill={pattern.background} />
      {pattern.shapes.map((shape, i) => (
        <ShapeElement key={i} shape={shape} prefix={prefix} />
      ))}
    </pattern>
  );
}

export function SceneSvg({ scene, idPrefix }: SceneSvgProps) {
  const prefix = svgId(idPrefix);
  return (
    <svg
      className={scene.cls}
      viewBox={`0 0 ${scene.width} ${scene.height}`}
      role="img"
      aria-labelledby={`${prefix}title ${prefix}desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${prefix}title`}>{scene.title}</title>
      <desc id={`${prefix}desc`}>{scene.description}</desc>
      {scene.patterns.length ? (
        <defs>
          {scene.patterns.map((p) => (
            <Pattern key={p.id} pattern={p} prefix={prefix} />
          ))}
        </defs>
      ) : null}
      <rect className="chart-background" width={scene.width} height={scene.height} fill={scene.background} />
      {scene.shapes.map((shape, i) => (
        <ShapeElement key={i} shape={shape} prefix={prefix} />
      ))}
    </svg>
  );
}
