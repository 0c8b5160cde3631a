/**
 * The code whose table of contents is shown: it follows the page's code (not a code the corpus
 * does not have, such as a mistyped link), and the reader may choose another one in the panel.
 * Undefined until a code is read or chosen (the shell then shows the corpus's first code).
 */
import { useEffect, useState } from 'react';
import type { CodeId } from '../../../corpus/model/model.ts';
import type { CorpusInfo } from '../../../electron/common/api.ts';

export function useTocCode(pageCode: CodeId | undefined, corpus: CorpusInfo | undefined): [CodeId | undefined, (code: CodeId) => void] {
  const [tocCode, setTocCode] = useState<CodeId>();
  const knownCode = !!pageCode && (!corpus || corpus.manifest.codes.some((code) => code.id === pageCode));
  useEffect(() => {
    if (pageCode && knownCode) setTocCode(pageCode);
  }, [pageCode, knownCode]);
  return [tocCode, setTocCode];
}
