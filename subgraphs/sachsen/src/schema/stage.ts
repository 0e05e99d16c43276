import { Instrument } from "@laenderhub/shared";
import { registerEnumType } from "type-graphql";

/** How a municipality takes part in ASSKomm, in Sachsen's own terms. */
export enum AsskommStage {
  /** One of the eight Modellkommunen from the launch on 2019-02-06. */
  MODEL_MUNICIPALITY = "MODEL_MUNICIPALITY",
  /** A Vorvereinbarung between municipality and LPR, before a full agreement. */
  PRE_AGREEMENT = "PRE_AGREEMENT",
  /** A Kooperationsvereinbarung of municipality, Polizeidirektion and LPR. */
  COOPERATION_AGREEMENT = "COOPERATION_AGREEMENT",
  /** The LPR names the municipality as taking part; no agreement was found. */
  PARTICIPATION_STATED = "PARTICIPATION_STATED",
}

registerEnumType(AsskommStage, {
  name: "AsskommStage",
  description: "How a municipality takes part in ASSKomm",
  valuesConfig: {
    MODEL_MUNICIPALITY: { description: "Modellkommune from the launch on 2019-02-06" },
    PRE_AGREEMENT: { description: "Vorvereinbarung between municipality and Landespräventionsrat" },
    COOPERATION_AGREEMENT: { description: "Kooperationsvereinbarung of municipality, Polizeidirektion and Landespräventionsrat" },
    PARTICIPATION_STATED: { description: "Named by the Landespräventionsrat as taking part; no agreement found" },
  },
});

/** Each stage in the shared vocabulary (the cmp_participation view maps the same way). */
export const STAGE_INSTRUMENT: Record<AsskommStage, Instrument> = {
  [AsskommStage.MODEL_MUNICIPALITY]: Instrument.MODEL_MUNICIPALITY,
  [AsskommStage.PRE_AGREEMENT]: Instrument.PRE_AGREEMENT,
  [AsskommStage.COOPERATION_AGREEMENT]: Instrument.COOPERATION_AGREEMENT,
  [AsskommStage.PARTICIPATION_STATED]: Instrument.PARTICIPATION_STATED,
};
