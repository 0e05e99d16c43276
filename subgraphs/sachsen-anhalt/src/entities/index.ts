import { WRITE_ENTITIES } from "@laenderhub/shared";
import { SachsenAnhaltEvent } from "./event.entity.js";
import { SachsenAnhaltIndicator } from "./indicator.entity.js";
import { SachsenAnhaltJointDeclaration } from "./joint-declaration.entity.js";
import { SachsenAnhaltLandespraeventionsrat } from "./landespraeventionsrat.entity.js";
import { SachsenAnhaltLocalPartnership } from "./local-partnership.entity.js";
import { SachsenAnhaltMunicipality } from "./municipality.entity.js";
import { StPartnershipField } from "./partnership-field.entity.js";
import { StPartnershipPerson } from "./partnership-person.entity.js";
import { SachsenAnhaltPreventionBody } from "./prevention-body.entity.js";
import { SachsenAnhaltProgramme } from "./programme.entity.js";
import { SachsenAnhaltStrategicLine } from "./strategic-line.entity.js";

export {
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
};
export { PersonListing } from "./partnership-person.entity.js";

/** Every TypeORM entity of the subgraph (listed explicitly: no globs), with the shared audit entry. */
export const SachsenAnhalt_ENTITIES: Function[] = [
  ...WRITE_ENTITIES,
  SachsenAnhaltProgramme,
  SachsenAnhaltJointDeclaration,
  SachsenAnhaltStrategicLine,
  SachsenAnhaltMunicipality,
  SachsenAnhaltLocalPartnership,
  StPartnershipPerson,
  StPartnershipField,
  SachsenAnhaltPreventionBody,
  SachsenAnhaltEvent,
  SachsenAnhaltIndicator,
  SachsenAnhaltLandespraeventionsrat,
];
