/** The words of a test message: whom it is for, and what will arrive there from now on. */
export function testMessage(to: { type: 'person' | 'team'; name: string | null }) {
  return to.type === 'team'
    ? {
        title: `Baton is connected: ${to.name}’s @mentions post here`,
        body: `A test from ${to.name}’s card in Baton. When someone mentions the team in a case, it is posted here once.`,
        link: null,
      }
    : {
        title: 'Baton is connected: your notifications arrive here',
        body: `A test from${to.name ? ` ${to.name}’s` : ''} notification settings in Baton. The kinds ticked for this channel will arrive here.`,
        link: null,
      };
}
