// Uniqueness constraints: every node and relationship is merged on these keys, so loads are idempotent.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT met_key IF NOT EXISTS FOR ()-[r:MET]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT holds_post_key IF NOT EXISTS FOR ()-[r:HOLDS_POST]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT visited_key IF NOT EXISTS FOR ()-[r:VISITED]-() REQUIRE r.key IS UNIQUE;
