import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { loadStateDataset, StateCode, type Dataset, type Logger } from "@laenderhub/shared";
import {
  SaarlandAgreedMeasure,
  SaarlandEvent,
  SaarlandFrameworkDocument,
  SaarlandFundingStatement,
  SaarlandIndicator,
  SaarlandMunicipality,
  SaarlandPartnershipField,
  SaarlandPartnershipMeasureLink,
  SaarlandPartnershipPerson,
  SaarlandPreventionBody,
  SaarlandProgramme,
  SaarlandProgrammeFieldOfAction,
  SaarlandSecurityPartnership,
} from "../entities/index.js";
import { buildSaarlandSeedRows } from "./records.js";

export { buildSaarlandSeedRows, signingDate, type SaarlandSeedRows } from "./records.js";
export { SIGNED_DAY_MONTH_FROM_NOTE, SIGNED_MONTH_FROM_NOTE } from "./dates.js";
export { MEASURE_RULES, type MeasureRule } from "./measures.js";
export { SeedDataError } from "./codes.js";

/** Tables whose content means the database already holds data (seeded or edited). */
const CONTENT_TABLES: EntityTarget<ObjectLiteral>[] = [
  SaarlandProgramme,
  SaarlandMunicipality,
  SaarlandSecurityPartnership,
  SaarlandEvent,
  SaarlandIndicator,
  SaarlandPreventionBody,
];

async function insertAll<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: object[]): Promise<void> {
  // Chunks keep each statement below SQLite's bound-parameter limit on larger states.
  for (let i = 0; i < rows.length; i += 100) await manager.insert(entity, rows.slice(i, i + 100) as never);
}

/**
 * Loads Saarland's cited records into an EMPTY database, in one transaction. A database that
 * already holds any content is left alone, so edits survive restarts; returns whether it seeded.
 */
export async function seedSaarland(dataSource: DataSource, logger?: Logger, dataset: Dataset = loadStateDataset(StateCode.SL)): Promise<boolean> {
  // Mapping first: a data problem stops the seed before anything is written.
  const rows = buildSaarlandSeedRows(dataset);
  const seeded = await dataSource.transaction(async (manager) => {
    for (const table of CONTENT_TABLES) if ((await manager.count(table)) > 0) return false;
    await insertAll(manager, SaarlandProgramme, rows.programmes);
    await insertAll(manager, SaarlandFrameworkDocument, rows.documents);
    await insertAll(manager, SaarlandFundingStatement, rows.funding);
    await insertAll(manager, SaarlandProgrammeFieldOfAction, rows.programmeFields);
    await insertAll(manager, SaarlandAgreedMeasure, rows.measures);
    await insertAll(manager, SaarlandMunicipality, rows.municipalities);
    await insertAll(manager, SaarlandSecurityPartnership, rows.partnerships);
    await insertAll(manager, SaarlandPartnershipPerson, rows.people);
    await insertAll(manager, SaarlandPartnershipField, rows.partnershipFields);
    await insertAll(manager, SaarlandPartnershipMeasureLink, rows.partnershipMeasures);
    await insertAll(manager, SaarlandPreventionBody, rows.preventionBodies);
    await insertAll(manager, SaarlandEvent, rows.events);
    await insertAll(manager, SaarlandIndicator, rows.indicators);
    return true;
  });
  if (seeded) logger?.info({ partnerships: rows.partnerships.length, municipalities: rows.municipalities.length }, "seeded the Saarland database");
  else logger?.info("database already holds data; seed skipped");
  return seeded;
}
