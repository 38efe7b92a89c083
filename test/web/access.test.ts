import { describe, expect, it } from 'vitest';
import { areaOf, rolesInWords } from '../../web/src/app/access.ts';

describe('who each area of the web app is for', () => {
  it('finds the most specific area of a path', () => {
    expect(areaOf('/qa')?.roles).toEqual(['qa', 'lead']);
    expect(areaOf('/qa/report')?.roles).toContain('supervisor');
    expect(areaOf('/qa/reviews/ho_1')?.name).toBe('QA reviews');
    expect(areaOf('/qa/calibration')?.roles).toEqual(['lead']);
    expect(areaOf('/settings/integrations')?.name).toBe('Settings');
    expect(areaOf('/settings/security')?.roles).toEqual(['admin']);
    expect(areaOf('/cases/cs_1/handoff')?.roles).toBeNull();
  });

  it('does not take a longer word for an area', () => {
    expect(areaOf('/qaextra')).toBeUndefined();
    expect(areaOf('/settingsx/a')).toBeUndefined();
    expect(areaOf('/')).toBeUndefined();
  });

  it('says the roles as people do', () => {
    expect(rolesInWords(['lead'])).toBe('team leads');
    expect(rolesInWords(['supervisor', 'lead'])).toBe('supervisors and team leads');
    expect(rolesInWords(['lead', 'supervisor', 'qa'])).toBe('team leads, supervisors and QA reviewers');
  });
});
