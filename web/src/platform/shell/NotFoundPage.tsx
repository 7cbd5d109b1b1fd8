import { Button, Center, EmptyState } from '@mantine/core';
import { IconLock, IconMapQuestion } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

function Message({ icon, title, description }: { icon: ReactNode; title: string; description: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Center py={80}>
      <EmptyState icon={icon} withIndicatorBackground>
        <EmptyState.Title order={2}>{title}</EmptyState.Title>
        <EmptyState.Description>{description}</EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to="/">
            {t('notFound.home')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Message
      icon={<IconMapQuestion size={32} />}
      title={t('notFound.title')}
      description={t('notFound.description')}
    />
  );
}

export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <Message
      icon={<IconLock size={32} />}
      title={t('noAccess.title')}
      description={t('noAccess.description')}
    />
  );
}
