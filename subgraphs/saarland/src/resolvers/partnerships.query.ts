import type { DataSource, SelectQueryBuilder } from "typeorm";
import { badInput, checkPageSize, connectionFromSlice, decodeOffsetCursor, isValidIsoPrefix, OrderDirection, type Connection } from "@laenderhub/shared";
import { SaarlandMunicipality, SaarlandSecurityPartnership } from "../entities/index.js";
import { PartnershipOrder, type PartnershipFilter } from "../schema/partnership.args.js";

export interface PartnershipPageArgs {
  filter: PartnershipFilter | null;
  orderBy: PartnershipOrder;
  direction: OrderDirection;
  first: number;
  after: string | null;
}

/** Names the list and its order in a cursor, so a cursor of another order is refused. */
const listOf = (args: PartnershipPageArgs) => `SL.partnerships:${args.orderBy}:${args.direction}`;

function checkIsoBound(field: string, value: string | null | undefined): void {
  if (value != null && !isValidIsoPrefix(value)) throw badInput(field, `${field} must be an ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD), got "${value}"`);
}

/** Rejects arguments that cannot be answered, with the offending argument named. */
export function validatePartnershipPageArgs(args: PartnershipPageArgs): void {
  checkPageSize(args.first);
  decodeOffsetCursor(listOf(args), args.after);
  checkIsoBound("filter.signedFrom", args.filter?.signedFrom);
  checkIsoBound("filter.signedTo", args.filter?.signedTo);
}

/** An IN condition; an empty list matches nothing rather than producing invalid SQL. */
function whereIn(qb: SelectQueryBuilder<SaarlandSecurityPartnership>, expression: string, name: string, values: readonly string[]): void {
  if (values.length === 0) qb.andWhere("1 = 0");
  else qb.andWhere(`${expression} IN (:...${name})`, { [name]: values });
}

function applyFilter(qb: SelectQueryBuilder<SaarlandSecurityPartnership>, filter: PartnershipFilter | null): void {
  if (!filter) return;
  if (filter.ids) whereIn(qb, "p.id", "ids", filter.ids);
  if (filter.municipalityIds) whereIn(qb, "p.municipalityId", "municipalityIds", filter.municipalityIds);
  if (filter.district != null) {
    qb.andWhere("p.municipality_id IN (SELECT dm.id FROM municipality dm WHERE dm.district_name = :district)", { district: filter.district });
  }
  // Bounds compare ISO prefixes as text; an undated partnership never matches a bound. A
  // `signedTo` prefix includes its whole period, so the date is cut to the bound's length.
  if (filter.signedFrom != null) qb.andWhere("p.signedIso IS NOT NULL AND p.signedIso >= :signedFrom", { signedFrom: filter.signedFrom });
  if (filter.signedTo != null) {
    qb.andWhere(`p.signedIso IS NOT NULL AND substr(p.signed_on, 1, ${filter.signedTo.length}) <= :signedTo`, { signedTo: filter.signedTo });
  }
  if (filter.ordinalBasis != null) qb.andWhere("p.ordinalBasis = :ordinalBasis", { ordinalBasis: filter.ordinalBasis });
  if (filter.fieldsOfAction) {
    if (filter.fieldsOfAction.length === 0) qb.andWhere("1 = 0");
    else qb.andWhere("EXISTS (SELECT 1 FROM partnership_field_of_action ff WHERE ff.partnership_id = p.id AND ff.field IN (:...fields))", { fields: filter.fieldsOfAction });
  }
  if (filter.measures) {
    if (filter.measures.length === 0) qb.andWhere("1 = 0");
    else qb.andWhere("EXISTS (SELECT 1 FROM partnership_measure pm WHERE pm.partnership_id = p.id AND pm.measure IN (:...measures))", { measures: filter.measures });
  }
}

/**
 * One page of partnerships in a total order (the id breaks ties): two SQL statements, the
 * count and the page, whatever the page size. Unknown ordinals and dates sort last in both
 * directions.
 */
export async function queryPartnershipPage(dataSource: DataSource, args: PartnershipPageArgs): Promise<Connection<SaarlandSecurityPartnership>> {
  validatePartnershipPageArgs(args);
  const list = listOf(args);
  const offset = decodeOffsetCursor(list, args.after);
  const qb = dataSource.getRepository(SaarlandSecurityPartnership).createQueryBuilder("p");
  applyFilter(qb, args.filter);
  const totalCount = await qb.clone().getCount();
  if (args.first === 0 || offset >= totalCount) return connectionFromSlice(list, [], offset, totalCount);

  const dir = args.direction;
  if (args.orderBy === PartnershipOrder.ORDINAL) {
    qb.orderBy("p.ordinal", dir, "NULLS LAST").addOrderBy("p.signedIso", dir, "NULLS LAST");
  } else if (args.orderBy === PartnershipOrder.SIGNED_ON) {
    qb.orderBy("p.signedIso", dir, "NULLS LAST");
  } else {
    qb.leftJoin(SaarlandMunicipality, "m", "m.id = p.municipalityId").orderBy("m.sortName", dir);
  }
  const items = await qb.addOrderBy("p.id", dir).limit(args.first).offset(offset).getMany();
  return connectionFromSlice(list, items, offset, totalCount);
}
