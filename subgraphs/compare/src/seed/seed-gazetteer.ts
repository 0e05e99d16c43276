import { loadDataset } from "@laenderhub/shared";
import type { DataSource } from "typeorm";
import { Municipality } from "../entities/municipality.entity.js";
import { municipalityFromDataset } from "../gazetteer/records.js";

/**
 * Seeds an EMPTY gazetteer with the municipalities of the cited dataset, in one transaction.
 * A gazetteer that already holds records is left alone, so later additions survive restarts.
 * Returns the number of records written.
 */
export async function seedGazetteer(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(Municipality);
    if ((await repository.count()) > 0) return 0;
    const records = loadDataset().municipalities.map(municipalityFromDataset);
    await repository.insert(records);
    return records.length;
  });
}
