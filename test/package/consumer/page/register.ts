// The self-registering entry is imported only for its side effects: the bundler must keep them.
import '@referkit/widget/register';
