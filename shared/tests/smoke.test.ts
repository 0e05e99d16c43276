import { describe, expect, it } from "vitest";
import { Field, ID, ObjectType, Query, Resolver, Directive } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { buildFederatedSchema, createDataSource, QueryCounter, Source } from "../src/index.js";
import { printSubgraphSchema } from "@apollo/subgraph";

@Entity("thing")
@ObjectType()
@Directive('@key(fields: "id")')
class Thing {
  @PrimaryColumn("text") @Field(() => ID) id!: string;
  @Column("text") @Field(() => String) name!: string;
  @Column("simple-json") @Field(() => [Source]) sources!: Source[];
}

@Resolver(() => Thing)
class ThingResolver {
  @Query(() => [Thing]) things(): Thing[] { return [{ id: "1", name: "a", sources: [] }]; }
}

describe("smoke", () => {
  it("builds a federated schema and a sqlite data source", async () => {
    const schema = await buildFederatedSchema({ resolvers: [ThingResolver] });
    const sdl = printSubgraphSchema(schema);
    expect(sdl).toContain('@key(fields: "id")');
    const counter = new QueryCounter();
    const ds = await createDataSource({ url: ":memory:", entities: [Thing], migrations: [], synchronize: true, counter });
    counter.start();
    await ds.getRepository(Thing).save({ id: "x", name: "n", sources: [{ url: "u", publisher: null, title: null, publishedOn: null }] });
    const got = await ds.getRepository(Thing).findOneByOrFail({ id: "x" });
    expect(got.sources[0]!.url).toBe("u");
    expect(counter.stop()).toBeGreaterThan(0);
  });
});
