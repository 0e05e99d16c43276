import { loadDataset } from "@laenderhub/shared";
import type { DataSource } from "typeorm";
import { Municipality } from "../entities/municipality.entity.js";
import { syncRegister } from "../gazetteer/register.js";
import { municipalityFromDataset } from "../gazetteer/records.js";

/**
 * Seeds an EMPTY gazetteer with the municipalities of the cited dataset, then brings every
 * record in line with the municipal register (figures, the two keys the dataset lacks, and the
 * register's other municipalities), in one transaction. Records a gazetteer already holds keep
 * their ids, so later additions survive restarts and an existing database gains the register
 * on its next start. Returns the number of records written.
 */
export async function seedGazetteer(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(Municipality);
    let written = 0;
    if ((await repository.count()) === 0) {
      const records = loadDataset().municipalities.map(municipalityFromDataset);
      await repository.insert(records);
      written += records.length;
    }
    const sync = await syncRegister(manager);
    return written + sync.inserted + sync.updated;
  });
}
