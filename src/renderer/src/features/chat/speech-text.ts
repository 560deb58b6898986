// Reading aloud says a reply's words without its Markdown and TeX marks: the same plain text the core titles with.
export { plainText as speechText } from '../../../../shared/plain-text';
