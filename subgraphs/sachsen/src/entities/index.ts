import { WRITE_ENTITIES } from "@laenderhub/shared";
import { EventEntity } from "./event.entity.js";
import { FrameworkDocumentEntity } from "./framework-document.entity.js";
import { FundingStatementEntity } from "./funding-statement.entity.js";
import { IndicatorEntity } from "./indicator.entity.js";
import { MembershipFieldEntity } from "./membership-field.entity.js";
import { MembershipPersonEntity } from "./membership-person.entity.js";
import { MembershipEntity } from "./membership.entity.js";
import { MunicipalityEntity } from "./municipality.entity.js";
import { PreventionBodyEntity } from "./prevention-body.entity.js";
import { ProgrammeEntity } from "./programme.entity.js";

export { EventEntity, FrameworkDocumentEntity, FundingStatementEntity, IndicatorEntity, MembershipEntity, MembershipFieldEntity, MunicipalityEntity, PreventionBodyEntity, ProgrammeEntity };
export { MembershipPersonEntity, PersonListing } from "./membership-person.entity.js";

/** Every TypeORM entity of the Sachsen subgraph, the shared audit entry included. */
export const Sachsen_ENTITIES: Function[] = [
  ...WRITE_ENTITIES,
  ProgrammeEntity,
  FrameworkDocumentEntity,
  FundingStatementEntity,
  MunicipalityEntity,
  MembershipEntity,
  MembershipPersonEntity,
  MembershipFieldEntity,
  EventEntity,
  IndicatorEntity,
  PreventionBodyEntity,
];
