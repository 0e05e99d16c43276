import { WRITE_ENTITIES } from "@laenderhub/shared";
import { SaarlandEvent } from "./event.entity.js";
import { SaarlandFrameworkDocument } from "./framework-document.entity.js";
import { SaarlandFundingStatement } from "./funding-statement.entity.js";
import { SaarlandIndicator } from "./indicator.entity.js";
import { SaarlandMunicipality } from "./municipality.entity.js";
import { SaarlandPartnershipField } from "./partnership-field.entity.js";
import { SaarlandPartnershipPerson } from "./partnership-person.entity.js";
import { SaarlandSecurityPartnership } from "./partnership.entity.js";
import { SaarlandPreventionBody } from "./prevention-body.entity.js";
import { SaarlandProgrammeFieldOfAction } from "./programme-field.entity.js";
import { SaarlandAgreedMeasure, SaarlandPartnershipMeasureLink } from "./programme-measure.entity.js";
import { SaarlandProgramme } from "./programme.entity.js";

export { SaarlandEvent } from "./event.entity.js";
export { SaarlandFrameworkDocument } from "./framework-document.entity.js";
export { SaarlandFundingStatement } from "./funding-statement.entity.js";
export { SaarlandIndicator } from "./indicator.entity.js";
export { SaarlandMunicipality } from "./municipality.entity.js";
export { SaarlandPartnershipField } from "./partnership-field.entity.js";
export { PersonListing, SaarlandPartnershipPerson } from "./partnership-person.entity.js";
export { SaarlandSecurityPartnership } from "./partnership.entity.js";
export { SaarlandPreventionBody } from "./prevention-body.entity.js";
export { SaarlandProgrammeFieldOfAction } from "./programme-field.entity.js";
export { SaarlandAgreedMeasure, SaarlandPartnershipMeasureLink } from "./programme-measure.entity.js";
export { SaarlandProgramme } from "./programme.entity.js";

/** Every TypeORM entity of the Saarland subgraph (listed explicitly, no globs), the shared audit entry included. */
export const Saarland_ENTITIES: Function[] = [
  ...WRITE_ENTITIES,
  SaarlandProgramme,
  SaarlandFrameworkDocument,
  SaarlandFundingStatement,
  SaarlandProgrammeFieldOfAction,
  SaarlandAgreedMeasure,
  SaarlandMunicipality,
  SaarlandSecurityPartnership,
  SaarlandPartnershipPerson,
  SaarlandPartnershipField,
  SaarlandPartnershipMeasureLink,
  SaarlandPreventionBody,
  SaarlandEvent,
  SaarlandIndicator,
];
