import { Redis } from "ioredis";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisStore, type Gateway } from "../src/index.js";
import { gatewayOverFakes, logger, post, startFakes, stopFakes, type Fake } from "./support/fakes.js";

// Several gateways sharing one Redis: an answer cached by one is served by the others, and a
// write through any of them makes the next read fresh everywhere. Needs a Redis server:
// `.ci/run` starts one and sets TEST_REDIS_URL; under CI a missing server fails the run.
const url = process.env.TEST_REDIS_URL;
if (!url && process.env.CI === "true") throw new Error("CI: TEST_REDIS_URL is not set, so the shared-cache tests would not run");

describe.skipIf(!url)("the response cache shared through Redis", () => {
  let fakes: Map<string, Fake>;
  const gateways: Gateway[] = [];
  const urls: string[] = [];
  const prefix = `laenderhub:test:${randomUUID()}:`;
  const redis = url ? new Redis(url, { lazyConnect: true }) : null;

  /** The cache writes after answering: wait (bounded) until `n` answers are stored. */
  async function storedAnswers(n: number): Promise<void> {
    for (let i = 0; i < 100; i++) {
      if ((await redis!.keys(`${prefix}answer:*`)).length >= n) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`fewer than ${n} answers stored in Redis`);
  }

  beforeAll(async () => {
    fakes = await startFakes();
    // Each run its own key prefix: runs never see each other's answers.
    for (let i = 0; i < 2; i++) {
      const gateway = gatewayOverFakes(fakes, { cacheStore: redisStore(url!, logger, prefix) });
      gateways.push(gateway);
      urls.push((await gateway.listen(0)).url);
    }
  });

  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.close()));
    await stopFakes(fakes);
    if (redis) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  });

  it("serves one gateway's cached answer from the other, and a write through either refreshes both", async () => {
    const [a, b] = urls as [string, string];
    const counter = () => fakes.get("saarland")!.seen.length;
    const first = await post(a, "{ counter }");
    expect(first.body.errors).toBeUndefined();
    const reached = counter();
    await storedAnswers(1);
    const fromB = await post(b, "{ counter }");
    expect(fromB.body).toEqual(first.body);
    expect(counter()).toBe(reached); // answered from Redis: Saarland was not asked

    const bumped = await post(b, "mutation { bump }");
    const value = (bumped.body.data as { bump: number }).bump;
    for (const gateway of [a, b]) {
      const fresh = await post(gateway, "{ counter }");
      expect((fresh.body.data as { counter: number }).counter).toBe(value);
    }
  });

  it("answers without the cache when Redis cannot be reached", async () => {
    const broken = gatewayOverFakes(fakes, { cacheStore: redisStore("redis://127.0.0.1:1", logger, "laenderhub:test:unreachable:") });
    try {
      const server = await broken.listen(0);
      const before = fakes.get("saarland")!.seen.length;
      const one = await post(server.url, "{ saarlandName }");
      const two = await post(server.url, "{ saarlandName }");
      expect(one.body).toEqual({ data: { saarlandName: "Saarland" } });
      expect(two.body).toEqual(one.body);
      expect(fakes.get("saarland")!.seen.length).toBe(before + 2);
    } finally {
      await broken.close();
    }
  });
});
