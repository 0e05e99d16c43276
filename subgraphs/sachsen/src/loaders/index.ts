import DataLoader from "dataloader";
import { In, type DataSource, type ObjectLiteral, type EntityTarget } from "typeorm";
import {
  FrameworkDocumentEntity,
  FundingStatementEntity,
  MembershipEntity,
  MembershipFieldEntity,
  MembershipPersonEntity,
  MunicipalityEntity,
  PreventionBodyEntity,
} from "../entities/index.js";

/** The DataLoaders of one request: every by-key lookup is one SQL statement per batch. */
export interface SachsenLoaders {
  membershipById: DataLoader<string, MembershipEntity | null>;
  /** Memberships of one joint agreement (by agreement id), in id order. */
  membershipsByAgreement: DataLoader<string, MembershipEntity[]>;
  /** The Kooperationsvereinbarung that followed a Vorvereinbarung (by the pre-agreement's id). */
  membershipByPreAgreement: DataLoader<string, MembershipEntity | null>;
  membershipsByMunicipality: DataLoader<string, MembershipEntity[]>;
  /** Signatories and people present of a membership, in the sources' order. */
  peopleByMembership: DataLoader<string, MembershipPersonEntity[]>;
  fieldsByMembership: DataLoader<string, string[]>;
  municipalityById: DataLoader<string, MunicipalityEntity | null>;
  preventionBodiesByMunicipality: DataLoader<string, PreventionBodyEntity[]>;
  frameworkDocumentsByProgramme: DataLoader<string, FrameworkDocumentEntity[]>;
  fundingStatementsByProgramme: DataLoader<string, FundingStatementEntity[]>;
}

function byId<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, key: keyof T & string): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await dataSource.getRepository(entity).find({ where: { [key]: In([...ids]) } as never });
    const found = new Map(rows.map((r) => [r[key] as string, r]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

function groupedBy<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  key: keyof T & string,
  order: Partial<Record<keyof T & string, "ASC" | "DESC">>,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await dataSource.getRepository(entity).find({ where: { [key]: In([...keys]) } as never, order: order as never });
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(row[key] as string)?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/**
 * Creates the loaders for one request. Called from the context factory, never at module
 * level, so no request sees another's cache (and edits are seen by the next request).
 */
export function createSachsenLoaders(dataSource: DataSource): SachsenLoaders {
  return {
    membershipById: byId(dataSource, MembershipEntity, "id"),
    membershipsByAgreement: groupedBy(dataSource, MembershipEntity, "agreementId", { id: "ASC" }),
    membershipByPreAgreement: byId(dataSource, MembershipEntity, "preAgreementId"),
    membershipsByMunicipality: groupedBy(dataSource, MembershipEntity, "municipalityId", { id: "ASC" }),
    peopleByMembership: groupedBy(dataSource, MembershipPersonEntity, "membershipId", { listedAs: "DESC", position: "ASC" }),
    fieldsByMembership: new DataLoader<string, string[]>(async (ids) => {
      const rows = await dataSource.getRepository(MembershipFieldEntity).find({ where: { membershipId: In([...ids]) }, order: { field: "ASC" } });
      const groups = new Map<string, string[]>(ids.map((id) => [id, []]));
      for (const row of rows) groups.get(row.membershipId)?.push(row.field);
      return ids.map((id) => groups.get(id) ?? []);
    }),
    municipalityById: byId(dataSource, MunicipalityEntity, "id"),
    preventionBodiesByMunicipality: groupedBy(dataSource, PreventionBodyEntity, "municipalityId", { id: "ASC" }),
    frameworkDocumentsByProgramme: groupedBy(dataSource, FrameworkDocumentEntity, "programmeId", { position: "ASC" }),
    fundingStatementsByProgramme: groupedBy(dataSource, FundingStatementEntity, "programmeId", { position: "ASC" }),
  };
}
