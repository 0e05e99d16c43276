import type { CompareContext } from "../context.js";
import type { Municipality } from "../entities/municipality.entity.js";

/** Federation reference resolver of `Municipality`: batched through the request's gazetteer loader. */
export function resolveMunicipalityReference(reference: { id: string }, ctx: CompareContext): Promise<Municipality | null> {
  return ctx.gazetteer.municipalityById.load(reference.id);
}
