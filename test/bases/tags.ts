/**
 * The tag of an image the product names (`postgres:17` -> `17`): each stand-in is built for the tag the
 * generated files use, written once in the product's own constants, never copied here.
 */
export function tagOf(image: string): string {
  const tag = /:([^:/@]+)$/.exec(image)?.[1];
  if (!tag) throw new Error(`stand-in bases: ${image} names no tag`);
  return tag;
}
