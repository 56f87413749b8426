-- Every update of an incident bumps its version, whichever release of Sitrep makes it: during a
-- rolling deploy, instances of a release before 0003 change incidents without knowing the column.
CREATE OR REPLACE FUNCTION "incidents_bump_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."version" := OLD."version" + 1;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "incidents_bump_version" BEFORE UPDATE ON "incidents" FOR EACH ROW EXECUTE FUNCTION "incidents_bump_version"();
