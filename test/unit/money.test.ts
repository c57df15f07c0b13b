import { describe, expect, it } from 'vitest';
import { currencyFormat, fromMinor, lineValueMinor, minorDigits, toMinor } from '../../src/domain/money';

describe('money in minor units', () => {
  it('rounds half up, away from zero', () => {
    expect(toMinor(1.005, 'EUR')).toBe(101);
    expect(toMinor(-1.005, 'EUR')).toBe(-101);
    expect(toMinor(2.675, 'USD')).toBe(268);
    expect(toMinor(0.1 + 0.2, 'EUR')).toBe(30);
  });

  it('knows currencies without or with three minor digits', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
    expect(minorDigits('INR')).toBe(2);
    expect(toMinor(1234.5, 'JPY')).toBe(1235);
    expect(fromMinor(1234567, 'KWD')).toBe(1234.567);
  });

  it('values a line at an unrounded unit cost', () => {
    expect(lineValueMinor(3, 3.333333, 'EUR')).toBe(1000);
    expect(lineValueMinor(7, 0.125, 'EUR')).toBe(88);
  });

  it('formats with the currency code', () => {
    expect(currencyFormat('EUR')).toBe('#,##0.00 [$EUR]');
    expect(currencyFormat('JPY')).toBe('#,##0 [$JPY]');
    expect(currencyFormat('USD', 4)).toBe('#,##0.00#### [$USD]');
  });
});
