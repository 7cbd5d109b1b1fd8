import { Text, type TextProps } from '@mantine/core';

/** Text cut to a number of lines; its whole text is in its tooltip, so nothing is lost to the reader. */
export function ClampedText({ text, lines, ...props }: TextProps & { text: string; lines: number }) {
  return (
    <Text {...props} lineClamp={lines} title={text}>
      {text}
    </Text>
  );
}
