import { describe, expect, it } from 'vitest';
import { actionLabel, higherStage, sourceLabel, stageOfAction } from './vocabulary';

describe('marketplace vocabulary', () => {
  it('labels known codes and shows unknown ones as they are', () => {
    expect(sourceLabel('SPZA')).toBe('AppSource');
    expect(sourceLabel('AzureMarketplace')).toBe('Azure Marketplace');
    expect(actionLabel('PLT')).toBe('Contact me');
    expect(actionLabel('INS')).toBe('Get it now');
    expect(actionLabel('Create')).toBe('Azure portal');
    expect(actionLabel('StartTestDrive')).toBe('Test drive');
    expect(actionLabel('DNC')).toBe('Do not contact');
    expect(actionLabel('Wishlist')).toBe('Wishlist');
    expect(sourceLabel(null)).toBe('Unknown source');
  });

  it('orders stages DNC < Contact me < Test drive < Get it now/Create and never moves down', () => {
    expect(higherStage(stageOfAction('DNC'), stageOfAction('PLT'))).toBe('contact_me');
    expect(higherStage(stageOfAction('PLT'), stageOfAction('StartTestDrive'))).toBe('test_drive');
    expect(higherStage(stageOfAction('StartTestDrive'), stageOfAction('INS'))).toBe('acquired');
    expect(higherStage('acquired', stageOfAction('PLT'))).toBe('acquired');
    expect(higherStage('test_drive', stageOfAction('Create'))).toBe('acquired');
    expect(higherStage('contact_me', stageOfAction('Unknown'))).toBe('contact_me');
    expect(higherStage(null, null)).toBeNull();
  });
});
