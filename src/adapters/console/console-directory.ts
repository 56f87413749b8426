import type { PeopleDirectory } from '../../app/ports';

/** In the console a person is whoever is named: `@sre1` is the user "sre1". */
export const consoleDirectory: PeopleDirectory = {
  async lookup(_platform, mention) {
    return { id: mention.id, name: mention.name ?? mention.id };
  },
};
