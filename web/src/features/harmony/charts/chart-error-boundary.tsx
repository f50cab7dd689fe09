import { Component, type ReactNode } from 'react';

interface ChartErrorBoundaryProps {
  /** Shown instead of the chart when it cannot be drawn (its code failed to load, say). */
  fallback: ReactNode;
  children: ReactNode;
}

/** Keeps a chart that fails from taking the page down with it (React logs the error): the figures stay readable beside it. */
export class ChartErrorBoundary extends Component<ChartErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
