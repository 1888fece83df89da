/** The demo shop's products. Prices live on the server: the checkout sends SKUs and quantities only. */

/** A product the demo shop sells. */
export interface Product {
  sku: string;
  name: string;
  /** USD cents. */
  price: number;
}

/** Everything the demo shop sells. */
export const catalog: readonly Product[] = [
  { sku: 'sencha-tin', name: 'Spring Sencha, 100 g tin', price: 4800 },
  { sku: 'oolong-tin', name: 'Roasted Oolong, 100 g tin', price: 3600 },
  { sku: 'brew-kit', name: 'Cold-brew bottle', price: 2400 },
];

/** The product with this SKU, or undefined. */
export function productBySku(sku: string): Product | undefined {
  return catalog.find((product) => product.sku === sku);
}
