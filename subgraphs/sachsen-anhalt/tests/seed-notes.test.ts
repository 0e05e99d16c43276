import { ActorType, fieldsOfActionFromText, loadStateDataset, StateCode } from "@laenderhub/shared";
import { describe, expect, it } from "vitest";
import {
  buildSeedRows,
  EVENT_HALF_YEAR,
  LANDESPRAEVENTIONSRAT,
  LPR_NOTE_PREFIX,
  PREVENTION_BODY_ACTORS,
  preventionBodyId,
  SIGNED_DAY_MONTH_FROM_NOTE,
  SIGNED_MONTH_FROM_NOTE,
  STRATEGIC_LINE_EXTRAS,
} from "../src/index.js";

const raw = loadStateDataset(StateCode.ST);
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// The words by which a note names each kind of actor (English and German, as the dataset's notes use both).
const ACTOR_WORDS: Partial<Record<ActorType, RegExp>> = {
  [ActorType.POLICE]: /\bpolice\b|polizei/i,
  [ActorType.MUNICIPAL_AUTHORITY]: /ordnungsamt|stadtverwaltung|municipal administration|city administration/i,
  [ActorType.SCHOOL]: /\bschools?\b|schule/i,
  [ActorType.CHURCH]: /church|kirche/i,
};

describe("facts the seed takes from the dataset's notes", () => {
  it("takes each month-precision signing date from its note, and covers every such record", () => {
    const undatedMonths = raw.participations.filter((p) => p.signed_date === null && p.signed_date_precision === "month");
    expect(Object.keys(SIGNED_MONTH_FROM_NOTE).sort()).toEqual(undatedMonths.map((p) => p.id).sort());
    for (const [id, { year, month }] of Object.entries(SIGNED_MONTH_FROM_NOTE)) {
      const note = raw.participations.find((p) => p.id === id)!.signed_date_note!;
      expect(note, id).toContain(`${MONTHS[month - 1]} ${year}`);
      // The note must not give a day: the seed would then have to keep it.
      expect(note, id).toMatch(/exact day not stated|the exact day is not stated/);
    }
  });

  it("has a day-and-month entry for every day_month record, agreeing with its note", () => {
    const dayMonth = raw.participations.filter((p) => p.signed_date_precision === "day_month");
    expect(Object.keys(SIGNED_DAY_MONTH_FROM_NOTE).sort()).toEqual(dayMonth.map((p) => p.id).sort());
    for (const [id, { month, day }] of Object.entries(SIGNED_DAY_MONTH_FROM_NOTE)) {
      expect(raw.participations.find((p) => p.id === id)!.signed_date_note).toContain(`${day} ${MONTHS[month - 1]}`);
    }
  });

  it("takes each half-year event date from the event's additional dates", () => {
    const halfYears = raw.events.filter((e) => e.date === null && e.date_precision === "half_year");
    expect(Object.keys(EVENT_HALF_YEAR).sort()).toEqual(halfYears.map((e) => e.id).sort());
    for (const [id, { year, half, from }] of Object.entries(EVENT_HALF_YEAR)) {
      const event = raw.events.find((e) => e.id === id)!;
      expect(event.additional_dates).toContain(from);
      expect(from.startsWith(`${year}-H${half}`)).toBe(true);
    }
  });

  it("names actor types of a prevention body only where its note names them", () => {
    const bodies = raw.municipalities.flatMap((m) => m.prevention_bodies.map((b, i) => ({ id: preventionBodyId(m.id, i), ...b })));
    for (const [id, actors] of Object.entries(PREVENTION_BODY_ACTORS)) {
      const body = bodies.find((b) => b.id === id);
      expect(body, id).toBeDefined();
      for (const actor of actors) expect(body!.note ?? "", `${id} ${actor}`).toMatch(ACTOR_WORDS[actor]!);
    }
    // Magdeburg's note: "police and Ordnungsamt coordinate in it".
    expect(PREVENTION_BODY_ACTORS["ST-PB-15003000-1"]).toEqual([ActorType.POLICE, ActorType.MUNICIPAL_AUTHORITY]);
    const rows = buildSeedRows(raw).preventionBodies;
    for (const row of rows) expect(row.actorTypes).toEqual(PREVENTION_BODY_ACTORS[row.id] ?? []);
  });

  it("takes the Landespräventionsrat's dates and chair from the programme note", () => {
    const note = raw.programmes[0]!.notes.find((n) => n.startsWith(LPR_NOTE_PREFIX))!;
    expect(note).toContain(`constituted ${LANDESPRAEVENTIONSRAT.constitutedOn}`);
    expect(note).toContain(`cabinet decision of ${LANDESPRAEVENTIONSRAT.cabinetDecisionOn}`);
    expect(note).toContain(`chaired by the ${LANDESPRAEVENTIONSRAT.chairedBy}`);
    expect(raw.programmes[0]!.coordinating_body).toContain(`Landespräventionsrat Sachsen-Anhalt ${LANDESPRAEVENTIONSRAT.role}`);
    const event = raw.events.find((e) => e.id === LANDESPRAEVENTIONSRAT.constitutionEventId)!;
    expect(event.title).toContain(LANDESPRAEVENTIONSRAT.name);
    expect(event.date).toBe(LANDESPRAEVENTIONSRAT.constitutedOn);
  });

  it("adds to a strategic line only what its wording says and the keyword rules miss", () => {
    for (const [wording, extras] of Object.entries(STRATEGIC_LINE_EXTRAS)) {
      expect(raw.programmes[0]!.fields_of_action, wording).toContain(wording);
      for (const field of extras.fields ?? []) expect(fieldsOfActionFromText([wording])).not.toContain(field);
      if (extras.introducedInYear) {
        expect(wording).toContain(`added ${extras.introducedInYear}`);
        const declaration = raw.programmes[0]!.framework_documents.find((d) => d.date?.startsWith(String(extras.introducedInYear)));
        expect(declaration?.description).toMatch(/adds road safety/);
      }
    }
    // The shared rules read "prevention bodies" themselves, so that line needs no extra.
    expect(fieldsOfActionFromText(["founding or continued work of municipal prevention bodies under municipal lead"])).toEqual(["PREVENTION_BODY"]);
    expect(STRATEGIC_LINE_EXTRAS).not.toHaveProperty("founding or continued work of municipal prevention bodies under municipal lead");
  });
});
