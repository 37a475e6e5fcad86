import { describe, expect, it } from 'vitest';
import { bandAnnouncement, counterText, lengthMessage, MESSAGE_LIMIT, messageLength } from './message-length.js';

describe('the length of a message being written', () => {
  it('uses the server’s limit, counting as the server does (trimmed)', () => {
    expect(MESSAGE_LIMIT).toBe(4000);
    expect(messageLength(`  ${'a'.repeat(4000)}  `)).toMatchObject({ count: 4000, left: 0, over: 0, band: 'near' });
  });

  it('is quiet far from the limit, counts down near it, and says by how much it is over', () => {
    expect(messageLength('Hello').band).toBe('ok');
    expect(lengthMessage(messageLength('a'.repeat(3500)))).toBeNull();
    const near = messageLength('a'.repeat(3501));
    expect(near.band).toBe('near');
    expect(lengthMessage(near)).toBe('499 characters left.');
    expect(counterText(near)).toBe('3,501 / 4,000');
    const over = messageLength('a'.repeat(25_000));
    expect(over).toMatchObject({ band: 'over', over: 21_000 });
    expect(lengthMessage(over)).toBe('Too long to send: 21,000 characters over the 4,000-character limit.');
    expect(lengthMessage(messageLength('a'.repeat(4001)))).toBe('Too long to send: 1 character over the 4,000-character limit.');
  });

  it('announces only a change of band, in words that stay true while typing on', () => {
    expect(bandAnnouncement(messageLength('Hi'))).toBe('');
    expect(bandAnnouncement(messageLength('a'.repeat(3600)))).toBe('Nearing the 4,000-character limit.');
    expect(bandAnnouncement(messageLength('a'.repeat(5000)))).toBe('The message is over the 4,000-character limit and cannot be sent.');
  });
});
