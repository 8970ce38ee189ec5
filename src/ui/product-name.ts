/** The product's name: a brand, the same in every language, so not in the catalogs. */
export const PRODUCT_NAME = 'Sequence Desk';
