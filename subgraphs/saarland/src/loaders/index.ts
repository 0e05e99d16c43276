import DataLoader from "dataloader";
import { In, type DataSource, type EntityTarget, type FindOptionsOrder, type ObjectLiteral } from "typeorm";
import type { FieldOfAction } from "@laenderhub/shared";
import {
  SaarlandAgreedMeasure,
  SaarlandFrameworkDocument,
  SaarlandFundingStatement,
  SaarlandMunicipality,
  SaarlandPartnershipField,
  SaarlandPartnershipMeasureLink,
  SaarlandPartnershipPerson,
  SaarlandPreventionBody,
  SaarlandProgramme,
  SaarlandProgrammeFieldOfAction,
  SaarlandSecurityPartnership,
} from "../entities/index.js";

/** The DataLoaders of one request. Created per request: a loader caches, and a cache must not outlive its request. */
export interface SaarlandLoaders {
  partnershipById: DataLoader<string, SaarlandSecurityPartnership | null>;
  partnershipsByMunicipality: DataLoader<string, SaarlandSecurityPartnership[]>;
  peopleByPartnership: DataLoader<string, SaarlandPartnershipPerson[]>;
  fieldsByPartnership: DataLoader<string, FieldOfAction[]>;
  measuresByPartnership: DataLoader<string, SaarlandAgreedMeasure[]>;
  programmeById: DataLoader<string, SaarlandProgramme | null>;
  documentsByProgramme: DataLoader<string, SaarlandFrameworkDocument[]>;
  fundingByProgramme: DataLoader<string, SaarlandFundingStatement[]>;
  programmeFieldsByProgramme: DataLoader<string, SaarlandProgrammeFieldOfAction[]>;
  measuresByProgramme: DataLoader<string, SaarlandAgreedMeasure[]>;
  municipalityById: DataLoader<string, SaarlandMunicipality | null>;
  preventionBodiesByMunicipality: DataLoader<string, SaarlandPreventionBody[]>;
}

/** One row per key, or null: a single `WHERE <key> IN (...)` statement per batch. */
function byKey<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, key: keyof T & string): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const rows = await dataSource.getRepository(entity).find({ where: { [key]: In([...keys]) } as never });
    const found = new Map(rows.map((row) => [String(row[key]), row]));
    return keys.map((k) => found.get(k) ?? null);
  });
}

/** All rows per key in the given order: a single statement per batch. */
function groupedBy<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  key: keyof T & string,
  order: FindOptionsOrder<T>,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await dataSource.getRepository(entity).find({ where: { [key]: In([...keys]) } as never, order });
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(String(row[key]))?.push(row);
    return keys.map((k) => groups.get(k)!);
  });
}

/**
 * Builds the DataLoaders of one request. Every by-key lookup goes through one of them, so a
 * request issues a bounded number of SQL statements whatever the page size.
 */
export function createSaarlandLoaders(dataSource: DataSource): SaarlandLoaders {
  const measuresByProgramme = groupedBy(dataSource, SaarlandAgreedMeasure, "programmeId", { position: "ASC" });
  const linksByPartnership = groupedBy(dataSource, SaarlandPartnershipMeasureLink, "partnershipId", { measure: "ASC" });
  const fieldRowsByPartnership = groupedBy(dataSource, SaarlandPartnershipField, "partnershipId", { field: "ASC" });

  return {
    partnershipById: byKey(dataSource, SaarlandSecurityPartnership, "id"),
    partnershipsByMunicipality: groupedBy(dataSource, SaarlandSecurityPartnership, "municipalityId", { id: "ASC" }),
    peopleByPartnership: groupedBy(dataSource, SaarlandPartnershipPerson, "partnershipId", { position: "ASC" }),
    fieldsByPartnership: new DataLoader<string, FieldOfAction[]>(async (keys) => {
      const rows = await fieldRowsByPartnership.loadMany(keys);
      return rows.map((r) => (r instanceof Error ? r : r.map((f) => f.field)));
    }),
    // Two statements per batch (links, then the catalogue of the programmes involved); the
    // catalogue is cached for the rest of the request.
    measuresByPartnership: new DataLoader<string, SaarlandAgreedMeasure[]>(async (keys) => {
      const links = await linksByPartnership.loadMany(keys);
      const programmeIds = [...new Set(links.flatMap((l) => (l instanceof Error ? [] : l.map((x) => x.programmeId))))];
      const catalogues = await measuresByProgramme.loadMany(programmeIds);
      const byMeasure = new Map<string, SaarlandAgreedMeasure>();
      for (const c of catalogues) if (!(c instanceof Error)) for (const m of c) byMeasure.set(`${m.programmeId}\u0000${m.measure}`, m);
      return links.map((l) =>
        l instanceof Error
          ? l
          : l
              .map((x) => byMeasure.get(`${x.programmeId}\u0000${x.measure}`))
              .filter((m): m is SaarlandAgreedMeasure => m !== undefined)
              .sort((a, b) => a.position - b.position),
      );
    }),
    programmeById: byKey(dataSource, SaarlandProgramme, "id"),
    documentsByProgramme: groupedBy(dataSource, SaarlandFrameworkDocument, "programmeId", { position: "ASC" }),
    fundingByProgramme: groupedBy(dataSource, SaarlandFundingStatement, "programmeId", { position: "ASC" }),
    programmeFieldsByProgramme: groupedBy(dataSource, SaarlandProgrammeFieldOfAction, "programmeId", { position: "ASC" }),
    measuresByProgramme,
    municipalityById: byKey(dataSource, SaarlandMunicipality, "id"),
    preventionBodiesByMunicipality: groupedBy(dataSource, SaarlandPreventionBody, "municipalityId", { position: "ASC" }),
  };
}
