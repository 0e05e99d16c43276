import { loadStateDataset, StateCode, type Dataset } from "@laenderhub/shared";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import {
  SachsenAnhaltEvent,
  SachsenAnhaltIndicator,
  SachsenAnhaltJointDeclaration,
  SachsenAnhaltLandespraeventionsrat,
  SachsenAnhaltLocalPartnership,
  SachsenAnhaltMunicipality,
  SachsenAnhaltPreventionBody,
  SachsenAnhaltProgramme,
  SachsenAnhaltStrategicLine,
  StPartnershipField,
  StPartnershipPerson,
} from "../entities/index.js";
import { buildSeedRows, type SachsenAnhaltSeedRows } from "./map.js";

/** The tables the seed fills and the rows for each, parents first (the order foreign keys need). */
function batches(rows: SachsenAnhaltSeedRows): Array<[EntityTarget<ObjectLiteral>, ObjectLiteral[]]> {
  return [
    [SachsenAnhaltProgramme, rows.programmes],
    [SachsenAnhaltJointDeclaration, rows.jointDeclarations],
    [SachsenAnhaltStrategicLine, rows.strategicLines],
    [SachsenAnhaltMunicipality, rows.municipalities],
    [SachsenAnhaltLocalPartnership, rows.partnerships],
    [StPartnershipPerson, rows.people],
    [StPartnershipField, rows.fields],
    [SachsenAnhaltPreventionBody, rows.preventionBodies],
    [SachsenAnhaltEvent, rows.events],
    [SachsenAnhaltIndicator, rows.indicators],
    [SachsenAnhaltLandespraeventionsrat, rows.landespraeventionsrat],
  ];
}

/**
 * Loads Sachsen-Anhalt's cited records into an empty database, in one transaction. A
 * database that holds any Sachsen-Anhalt row is left alone, so edits survive restarts.
 * Returns whether it seeded.
 */
export async function seedSachsenAnhalt(dataSource: DataSource, dataset: Dataset = loadStateDataset(StateCode.ST)): Promise<boolean> {
  // Mapped before the transaction opens: data that does not fit fails without touching the database.
  const plan = batches(buildSeedRows(dataset));
  return dataSource.transaction(async (manager) => {
    for (const [entity] of plan) if ((await manager.count(entity)) > 0) return false;
    for (const [entity, list] of plan) if (list.length > 0) await manager.insert(entity, list);
    return true;
  });
}
