import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, formOf, updateOf } from './export-form-state.ts';

describe('export form', () => {
  it('leaves an empty secret out so the stored one is kept', () => {
    const form = {
      ...EMPTY_FORM,
      endpoint: ' https://s3.example.com ',
      bucket: 'b',
      accessKeyId: 'k',
    };
    expect(updateOf(form, true)).toEqual({
      newEnabled: true,
      newS3CompatibleConfiguration: {
        endpoint: 'https://s3.example.com',
        region: 'us-east-1',
        s3BucketName: 'b',
        s3PathPrefix: '',
        accessKeyId: 'k',
      },
    });
    expect(
      updateOf({ ...form, secretAccessKey: 's' }, false).newS3CompatibleConfiguration,
    ).toMatchObject({
      secretAccessKey: 's',
    });
  });

  it('never fills the secret from a stored configuration', () => {
    const form = formOf({
      enabled: true,
      s3Config: { s3BucketName: 'b', s3PathPrefix: 'p', iamRoleArn: '' },
      s3CompatibleConfig: {
        endpoint: 'https://e',
        region: 'eu-1',
        s3BucketName: 'b',
        accessKeyId: 'k',
      },
      lastResult: { timestamp: 0, message: '' },
    });
    expect(form).toMatchObject({
      kind: 's3-compatible',
      endpoint: 'https://e',
      secretAccessKey: '',
    });
  });

  it('sends the AWS variant with its role', () => {
    const form = {
      ...EMPTY_FORM,
      kind: 's3' as const,
      bucket: 'b',
      iamRoleArn: 'arn:aws:iam::1:role/r',
    };
    expect(updateOf(form, true)).toEqual({
      newEnabled: true,
      newS3Configuration: {
        s3BucketName: 'b',
        s3PathPrefix: '',
        iamRoleArn: 'arn:aws:iam::1:role/r',
      },
    });
  });
});
