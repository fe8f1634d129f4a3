/**
 * The four small pictures of the facilitator's guide, drawn in SVG with the theme's colours (so
 * they follow dark, projector and high-contrast themes). Decorative: the card text says it all,
 * so they are hidden from screen readers and from the read-aloud layout.
 */
export type GuideArt = 'create' | 'share' | 'run' | 'export';

const COMMON = {
  className: 'guide-art decorative',
  viewBox: '0 0 160 96',
  width: 160,
  height: 96,
  'aria-hidden': true,
  focusable: false,
} as const;

function Create() {
  return (
    <svg {...COMMON}>
      <rect className="art-paper" x="34" y="8" width="70" height="80" rx="8" />
      <rect className="art-ink" x="46" y="22" width="36" height="6" rx="3" />
      <rect className="art-line" x="46" y="36" width="46" height="4" rx="2" />
      <rect className="art-line" x="46" y="46" width="40" height="4" rx="2" />
      <rect className="art-line" x="46" y="56" width="44" height="4" rx="2" />
      <circle className="art-accent" cx="108" cy="70" r="18" />
      <path className="art-on-accent" d="M108 61v18M99 70h18" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}

function Share() {
  const cells = [
    [0, 0], [1, 0], [2, 0], [0, 1], [2, 1], [0, 2], [1, 2], [2, 2], [4, 0], [4, 2], [3, 3], [0, 4], [2, 4], [4, 4], [3, 1],
  ];
  return (
    <svg {...COMMON}>
      <rect className="art-paper" x="14" y="10" width="84" height="60" rx="6" />
      <rect className="art-ink" x="8" y="72" width="96" height="6" rx="3" />
      {cells.map(([x, y]) => (
        <rect key={`${x}-${y}`} className="art-ink" x={38 + (x ?? 0) * 8} y={18 + (y ?? 0) * 8} width="7" height="7" rx="1" />
      ))}
      <rect className="art-accent" x="112" y="26" width="36" height="62" rx="7" />
      <rect className="art-paper" x="117" y="34" width="26" height="40" rx="3" />
      <rect className="art-line" x="121" y="42" width="18" height="4" rx="2" />
      <rect className="art-line" x="121" y="52" width="12" height="4" rx="2" />
    </svg>
  );
}

function Run() {
  return (
    <svg {...COMMON}>
      <rect className="art-paper" x="10" y="10" width="92" height="76" rx="8" />
      <circle className="art-accent" cx="26" cy="28" r="6" />
      <rect className="art-ink" x="38" y="25" width="50" height="6" rx="3" />
      <circle className="art-line" cx="26" cy="48" r="5" />
      <rect className="art-line" x="38" y="46" width="42" height="4" rx="2" />
      <circle className="art-line" cx="26" cy="68" r="5" />
      <rect className="art-line" x="38" y="66" width="46" height="4" rx="2" />
      <circle className="art-ring" cx="128" cy="48" r="22" strokeWidth="6" />
      <path className="art-ink-stroke" d="M128 48V34M128 48l9 6" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}

function Export() {
  return (
    <svg {...COMMON}>
      <path className="art-paper" d="M44 8h46l18 18v62a6 6 0 0 1-6 6H44a6 6 0 0 1-6-6V14a6 6 0 0 1 6-6z" />
      <rect className="art-ink" x="50" y="26" width="30" height="6" rx="3" />
      <rect className="art-line" x="50" y="40" width="44" height="4" rx="2" />
      <rect className="art-line" x="50" y="50" width="38" height="4" rx="2" />
      <rect className="art-line" x="50" y="60" width="42" height="4" rx="2" />
      <circle className="art-accent" cx="116" cy="70" r="18" />
      <path className="art-on-accent" d="M116 60v18M108 71l8 8 8-8" strokeWidth="4" strokeLinecap="round" strokeLinejoin="round" fill="none" />
    </svg>
  );
}

export function GuideIllustration({ art }: { readonly art: GuideArt }) {
  switch (art) {
    case 'create':
      return <Create />;
    case 'share':
      return <Share />;
    case 'run':
      return <Run />;
    case 'export':
      return <Export />;
  }
}
