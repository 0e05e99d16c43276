import type { FieldOfAction } from "@laenderhub/shared";
import DataLoader from "dataloader";
import { In, type DataSource, type ObjectLiteral, type EntityTarget } from "typeorm";
import {
  SachsenAnhaltEvent,
  SachsenAnhaltJointDeclaration,
  SachsenAnhaltLocalPartnership,
  SachsenAnhaltMunicipality,
  SachsenAnhaltPreventionBody,
  StPartnershipField,
  StPartnershipPerson,
} from "../entities/index.js";

/** The per-request DataLoaders of the subgraph: every by-key lookup is one batched statement. */
export interface SachsenAnhaltLoaders {
  partnershipById: DataLoader<string, SachsenAnhaltLocalPartnership | null>;
  partnershipsByAgreement: DataLoader<string, SachsenAnhaltLocalPartnership[]>;
  partnershipsByMunicipality: DataLoader<string, SachsenAnhaltLocalPartnership[]>;
  /** Signatories and people present, in listing order; the resolver keeps the two apart. */
  peopleByPartnership: DataLoader<string, StPartnershipPerson[]>;
  fieldsByPartnership: DataLoader<string, FieldOfAction[]>;
  municipalityById: DataLoader<string, SachsenAnhaltMunicipality | null>;
  preventionBodiesByMunicipality: DataLoader<string, SachsenAnhaltPreventionBody[]>;
  jointDeclarationById: DataLoader<string, SachsenAnhaltJointDeclaration | null>;
  eventById: DataLoader<string, SachsenAnhaltEvent | null>;
}

/** One row per key, or null where there is none. */
function byKey<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, key: keyof T & string) {
  return new DataLoader<string, T | null>(async (keys) => {
    const rows = await dataSource.getRepository(entity).findBy({ [key]: In([...keys]) } as never);
    const found = new Map(rows.map((row) => [row[key] as string, row]));
    return keys.map((k) => found.get(k) ?? null);
  });
}

/** Every row whose `key` column equals the key, ordered by `order`. */
function groupedBy<T extends ObjectLiteral, V = T>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  key: keyof T & string,
  order: Partial<Record<keyof T & string, "ASC">>,
  pick: (row: T) => V = (row) => row as unknown as V,
) {
  return new DataLoader<string, V[]>(async (keys) => {
    const rows = await dataSource.getRepository(entity).find({ where: { [key]: In([...keys]) } as never, order: order as never });
    const groups = new Map<string, V[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(row[key] as string)?.push(pick(row));
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** Creates the loaders for one request (never shared between requests: they cache). */
export function createSachsenAnhaltLoaders(dataSource: DataSource): SachsenAnhaltLoaders {
  return {
    partnershipById: byKey(dataSource, SachsenAnhaltLocalPartnership, "id"),
    partnershipsByAgreement: groupedBy(dataSource, SachsenAnhaltLocalPartnership, "agreementId", { id: "ASC" }),
    partnershipsByMunicipality: groupedBy(dataSource, SachsenAnhaltLocalPartnership, "municipalityId", { id: "ASC" }),
    peopleByPartnership: groupedBy(dataSource, StPartnershipPerson, "partnershipId", { partnershipId: "ASC", listing: "ASC", position: "ASC" }),
    fieldsByPartnership: groupedBy(dataSource, StPartnershipField, "partnershipId", { field: "ASC" }, (row) => row.field),
    municipalityById: byKey(dataSource, SachsenAnhaltMunicipality, "id"),
    preventionBodiesByMunicipality: groupedBy(dataSource, SachsenAnhaltPreventionBody, "municipalityId", { id: "ASC" }),
    jointDeclarationById: byKey(dataSource, SachsenAnhaltJointDeclaration, "id"),
    eventById: byKey(dataSource, SachsenAnhaltEvent, "id"),
  };
}
