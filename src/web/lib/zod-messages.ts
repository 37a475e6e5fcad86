import { z } from 'zod';

/**
 * Plain-language messages for the contract schemas' generic checks, in the browser only.
 * Messages a schema names itself (e.g. "Use at least 8 characters") still win.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null || issue.input === ''
          ? 'Required'
          : issue.expected === 'number'
            ? 'Enter a number'
            : undefined;
      case 'too_small':
        if (issue.origin === 'string') {
          return Number(issue.minimum) <= 1 ? 'Required' : `Use at least ${issue.minimum} characters`;
        }
        if (issue.origin === 'number' || issue.origin === 'int') {
          return `Enter ${issue.minimum} or more`;
        }
        return undefined;
      case 'too_big':
        if (issue.origin === 'string') return `Use at most ${issue.maximum} characters`;
        if (issue.origin === 'number' || issue.origin === 'int') {
          return `Enter ${issue.maximum} or less`;
        }
        return undefined;
      case 'invalid_format':
        if (issue.format === 'email') return 'Enter a valid email address';
        if (issue.format === 'date') return 'Enter a valid date';
        if (issue.format === 'uuid') return 'Choose an option';
        return undefined;
      case 'invalid_value':
        return 'Choose one of the options';
      default:
        return undefined;
    }
  },
});
