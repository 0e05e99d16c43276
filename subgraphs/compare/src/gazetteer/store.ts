import { In, type DataSource } from "typeorm";
import { Municipality } from "../entities/municipality.entity.js";

/** Reads gazetteer records by id in one statement. */
export async function findMunicipalitiesByIds(dataSource: DataSource, ids: readonly string[]): Promise<Municipality[]> {
  if (ids.length === 0) return [];
  return dataSource.getRepository(Municipality).findBy({ id: In([...ids]) });
}

/**
 * Stores records fetched from a state, in one transaction. A record another request stored
 * meanwhile (same id) or whose key is already taken is skipped, never overwritten: the
 * gazetteer keeps what it had, and the caller re-reads what is stored.
 */
export async function storeMunicipalities(dataSource: DataSource, records: readonly Municipality[]): Promise<void> {
  if (records.length === 0) return;
  await dataSource.transaction(async (manager) => {
    await manager.createQueryBuilder().insert().into(Municipality).values([...records]).orIgnore().execute();
  });
}
