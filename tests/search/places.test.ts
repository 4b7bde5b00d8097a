import { describe, expect, it } from 'vitest';
import { isPlaceName, namesPlace } from '../../src/search/places';

describe('isPlaceName', () => {
  it('knows a name by the place noun that ends it', () => {
    expect(isPlaceName('Hainan Island')).toBe(true);
    expect(isPlaceName('South China Sea')).toBe(true);
    expect(isPlaceName('Tibet Autonomous Region')).toBe(true);
    expect(isPlaceName('Gimhae Air Base')).toBe(true);
  });
  it('knows capitals from the country gazetteer, and states, provinces and regions from ISO 3166-2', () => {
    expect(isPlaceName('Beijing')).toBe(true);
    expect(isPlaceName('Canberra')).toBe(true);
    expect(isPlaceName('Hawaii')).toBe(true);
    expect(isPlaceName('North Sikkim')).toBe(true);
    expect(isPlaceName('Hainan')).toBe(true);
  });
  it('does not take months, people or organisations for places', () => {
    expect(isPlaceName('September')).toBe(false);
    expect(isPlaceName('Admiral Zephyr')).toBe(false);
    expect(isPlaceName('Western Pacific Naval Symposium')).toBe(false);
    expect(isPlaceName('Central Command')).toBe(false);
    expect(isPlaceName('Austin Smith')).toBe(false);
  });
});

describe('namesPlace', () => {
  it('finds a place after a location preposition', () => {
    expect(namesPlace('The talks were held in Beijing in April.')).toBe(true);
    expect(namesPlace('He led a delegation to Hawaii.')).toBe(true);
    expect(namesPlace('The damaged aircraft made an emergency landing on Zembla’s Hainan Island.')).toBe(true);
    expect(namesPlace('The aircraft collided over the South China Sea.')).toBe(true);
  });
  it('counts a town the gazetteer does not know when a known region or the day follows it', () => {
    expect(namesPlace('A working group met in Zorbury, Hawaii, on 3 April.')).toBe(true);
    expect(namesPlace('Officials met PLA representatives in Zorbury on 18–20 November 2025.')).toBe(true);
    expect(namesPlace('The talks were held in Zorbury on April 3.')).toBe(true);
    // Neither: an unknown name, a name after "to" with a day (a letter "to Austin on 5 May"), a month after "in".
    expect(namesPlace('The delegation in Zorbury was led by a colonel.')).toBe(false);
    expect(namesPlace('He sent a letter to Austin on 5 May.')).toBe(false);
    expect(namesPlace('The talks resumed in September on 5 October.')).toBe(false);
  });
  it('does not count a town name that is not placed at ("Austin said", "in September")', () => {
    expect(namesPlace('Austin said the talks in September went well.')).toBe(false);
    expect(namesPlace('The two chiefs spoke by video teleconference.')).toBe(false);
  });
});
