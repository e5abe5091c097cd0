/** Small inline icons: emoji fonts are missing on many older phones, SVG always renders. */
const base = { width: 18, height: 18, viewBox: '0 0 24 24', 'aria-hidden': true, focusable: false } as const;

export const ThumbUp = () => (
  <svg {...base}>
    <path
      fill="currentColor"
      d="M2 21h4V9H2v12Zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3a1.5 1.5 0 0 0-.5-1L13.1 1 7.6 6.6A2 2 0 0 0 7 8v11a2 2 0 0 0 2 2h9a2 2 0 0 0 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2Z"
    />
  </svg>
);

export const ThumbDown = () => (
  <svg {...base}>
    <path
      fill="currentColor"
      d="M22 3h-4v12h4V3ZM2 14a2 2 0 0 0 2 2h6.3l-1 4.6v.3c0 .4.2.8.5 1l1.1 1.1 5.5-5.6A2 2 0 0 0 17 16V5a2 2 0 0 0-2-2H6a2 2 0 0 0-1.8 1.2l-3 7.1c-.1.2-.2.5-.2.7v2Z"
    />
  </svg>
);

export const CopyIcon = () => (
  <svg {...base}>
    <path fill="currentColor" d="M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1Zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2Zm0 16H8V7h11v14Z" />
  </svg>
);

export const ShareIcon = () => (
  <svg {...base}>
    <path fill="currentColor" d="M18 16a3 3 0 0 0-2 .8l-7.1-4.2a3 3 0 0 0 0-1.4L16 7.2A3 3 0 1 0 15 5l.1.7L8 9.8a3 3 0 1 0 0 4.4l7.1 4.2-.1.6a3 3 0 1 0 3-3Z" />
  </svg>
);

export const SendIcon = () => (
  <svg {...base}>
    <path fill="currentColor" d="m2 21 21-9L2 3v7l15 2-15 2v7Z" />
  </svg>
);
