// ir/shared/literal.ts: literal values shared by every IR after Core.
export type Literal =
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  /** A Unicode code point. */
  | { readonly kind: 'char'; readonly value: number };
